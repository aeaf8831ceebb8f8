import { Badge, Flex } from '@strapi/design-system';
import type { ScreeningFlag } from '../api';
import { useT } from '../i18n';
import { useLabels } from '../labels';

/** One badge per kind of screening flag, with how many. */
export const FlagBadges = ({ flags }: { flags: ScreeningFlag[] | null }) => {
  const { t } = useT();
  const labels = useLabels();
  if (!flags?.length) return null;
  const counts = flags.reduce<Partial<Record<ScreeningFlag['kind'], number>>>((acc, f) => ({ ...acc, [f.kind]: (acc[f.kind] ?? 0) + 1 }), {});
  return (
    <Flex gap={1} wrap="wrap">
      {(Object.entries(counts) as [ScreeningFlag['kind'], number][]).map(([kind, n]) => (
        // Dark text on the warning tint: warning700 on warning100 falls short of 4.5:1.
        <Badge key={kind} backgroundColor="warning100" textColor="neutral800" title={flags.filter((f) => f.kind === kind).map((f) => f.match).join(', ')}>
          {t('flag.badge', { label: labels.flag(kind), count: n })}
        </Badge>
      ))}
    </Flex>
  );
};
