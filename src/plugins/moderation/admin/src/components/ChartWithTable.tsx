import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { directionOf, useT } from '../i18n';
import { useIntl } from 'react-intl';

type Series = { key: string; name: string; color: string };
type Row = Record<string, string | number>;

type Props = {
  title: string;
  rows: Row[];
  category: string;
  categoryLabel: string;
  series: Series[];
  /** Rows to set apart in the table (a sector nobody from has spoken yet). */
  standsOut?: (row: Row) => string | null;
  height?: number;
  layout?: 'horizontal' | 'vertical';
};

/** A bar chart, and its numbers as a table, for every figure of the dashboard. */
export const ChartWithTable = ({ title, rows, category, categoryLabel, series, standsOut, height = 260, layout = 'horizontal' }: Props) => {
  const { t } = useT();
  const { locale } = useIntl();
  const [asTable, setAsTable] = useState(false);
  const vertical = layout === 'vertical';
  // The chart mirrors for a right-to-left reader: categories start on the right.
  const rtl = directionOf(locale) === 'rtl';
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={5}>
      <Flex justifyContent="space-between" paddingBottom={3}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        <Button variant="tertiary" size="S" onClick={() => setAsTable((t) => !t)}>
          {asTable ? t('chart.showChart') : t('chart.showTable')}
        </Button>
      </Flex>
      {asTable ? (
        <Table colCount={series.length + 1} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">{categoryLabel}</Typography></Th>
              {series.map((s) => (
                <Th key={s.key}><Typography variant="sigma">{s.name}</Typography></Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => {
              const note = standsOut?.(row);
              return (
                <Tr key={String(row[category])}>
                  <Td style={{ whiteSpace: 'normal' }}>
                    <Typography textColor={note ? 'danger600' : undefined} fontWeight={note ? 'bold' : undefined}>
                      {note ? t('chart.withNote', { label: row[category], note }) : row[category]}
                    </Typography>
                  </Td>
                  {series.map((s) => (
                    <Td key={s.key}><Typography>{row[s.key]}</Typography></Td>
                  ))}
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      ) : (
        <ResponsiveContainer width="100%" height={vertical ? Math.max(height, rows.length * 26) : height}>
          <BarChart data={rows} layout={layout} margin={{ left: vertical ? 12 : 0, right: 12 }}>
            <CartesianGrid strokeDasharray="3 3" />
            {vertical ? (
              <>
                <XAxis type="number" allowDecimals={false} reversed={rtl} />
                <YAxis type="category" dataKey={category} width={220} tick={{ fontSize: 11 }} orientation={rtl ? 'right' : 'left'} />
              </>
            ) : (
              <>
                <XAxis dataKey={category} tick={{ fontSize: 11 }} reversed={rtl} />
                <YAxis allowDecimals={false} orientation={rtl ? 'right' : 'left'} />
              </>
            )}
            <Tooltip />
            <Legend />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </Box>
  );
};
