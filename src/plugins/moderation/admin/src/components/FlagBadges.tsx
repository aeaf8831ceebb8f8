import { Badge, Flex } from '@strapi/design-system';
import type { ScreeningFlag } from '../api';
import { FLAG_LABELS } from '../labels';

/** One badge per kind of screening flag, with how many. */
export const FlagBadges = ({ flags }: { flags: ScreeningFlag[] | null }) => {
  if (!flags?.length) return null;
  const counts = flags.reduce<Record<string, number>>((acc, f) => ({ ...acc, [f.kind]: (acc[f.kind] ?? 0) + 1 }), {});
  return (
    <Flex gap={1} wrap="wrap">
      {Object.entries(counts).map(([kind, n]) => (
        <Badge key={kind} backgroundColor="warning100" textColor="warning700" title={flags.filter((f) => f.kind === kind).map((f) => f.match).join(', ')}>
          {FLAG_LABELS[kind] ?? kind}
          {n > 1 ? ` ×${n}` : ''}
        </Badge>
      ))}
    </Flex>
  );
};
