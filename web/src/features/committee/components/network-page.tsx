import { Button, Group, List, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useElementSize, useMediaQuery } from '@mantine/hooks';
import { type CooperationNetwork, ORGANIZATION_KINDS } from '@portal/shared';
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure, type ChartTable } from '@/components/chart-figure.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useLanguage } from '@/lib/localized.ts';
import { useCooperationNetwork } from '../api/cooperation.ts';
import { CooperationFilters, CooperationNav, useCooperationSearch } from './cooperation-filters.tsx';

/** Colours for themes and kinds, in order (colour-blind-safe Okabe–Ito palette, then greys). */
const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#D55E00',
  '#56B4E9',
  '#F0E442',
  '#000000',
  '#999999',
];
const NO_AREA = '#bbbbbb';
const LINK_COLOURS = { partnership: '#009E73', booking: '#777777' } as const;

/** Below Mantine's `sm` breakpoint (768 px): a phone, where the picture is drawn at about half its size. */
const NARROW_QUERY = '(max-width: 47.99em)';
/** On a phone, the nodes labelled without being chosen: the most linked ones. */
const NARROW_LABELS = 6;
/** The labels' size on screen, in CSS pixels, whatever the picture's scale. */
const LABEL_PX = 12;

interface LaidNode extends SimulationNodeDatum {
  id: string;
  degree: number;
}

/**
 * Positions for the nodes: a force layout (d3-force) run to rest at once, not animated, so the picture is
 * the same on every render and for screenshots (d3-force starts from a fixed spiral, no randomness).
 */
function layout(network: CooperationNetwork, narrow = false) {
  const degree = new Map<string, number>();
  for (const l of network.links) {
    degree.set(l.source, (degree.get(l.source) ?? 0) + l.count);
    degree.set(l.target, (degree.get(l.target) ?? 0) + l.count);
  }
  const nodes: LaidNode[] = network.nodes.map((n) => ({ id: n.id, degree: degree.get(n.id) ?? 0 }));
  const links = network.links.map((l) => ({ source: l.source, target: l.target }));
  const simulation = forceSimulation(nodes)
    .force(
      'link',
      forceLink<LaidNode, { source: string | LaidNode; target: string | LaidNode }>(links)
        .id((d) => d.id)
        .distance(110),
    )
    .force('charge', forceManyBody().strength(-260))
    // A weak pull to the middle keeps members without links near the rest instead of at the edges.
    // On a phone the picture is tall rather than wide: a stronger pull sideways, a weaker one up and down.
    .force('x', forceX(0).strength(narrow ? 0.12 : 0.06))
    .force('y', forceY(0).strength(narrow ? 0.05 : 0.06))
    .force('collide', forceCollide(34))
    .stop();
  simulation.tick(300);
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  // Room for the labels right of the nodes; at least a 640-wide box, so a small network is not blown up.
  const pad = 30;
  const left = Math.min(0, ...xs) - pad;
  const right = Math.max(0, ...xs) + pad + (narrow ? 140 : 150);
  const top = Math.min(0, ...ys) - pad;
  const bottom = Math.max(0, ...ys) + pad;
  const w = Math.max(narrow ? 360 : 640, right - left);
  const h = Math.max(360, bottom - top);
  const box = { x: left - (w - (right - left)) / 2, y: top - (h - (bottom - top)) / 2, w, h };
  return { at: new Map(nodes.map((n) => [n.id, n])), box };
}

/** /committee/cooperation/network: the network picture of the cluster (issue 14 §5). */
export function NetworkPage() {
  const { t } = useTranslation();
  usePageTitle(t('committee.cooperation.networkTitle'));
  const [search, change] = useCooperationSearch();
  const network = useCooperationNetwork(search);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('committee.cooperation.networkTitle')}</Title>
        <Text c="dimmed" mt="xs">
          {t('committee.cooperation.networkIntro')}
        </Text>
        <CooperationNav search={search} />
      </div>
      <CooperationFilters search={search} onChange={change} shown={network.data} />
      {network.isError ? <QueryError error={network.error} onRetry={() => void network.refetch()} /> : null}
      {network.isPending ? <Text c="dimmed">{t('common.loading')}</Text> : null}
      {network.data ? <NetworkPicture network={network.data} /> : null}
    </Stack>
  );
}

function NetworkPicture({ network }: { network: CooperationNetwork }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [colourBy, setColourBy] = useState<'area' | 'kind'>('area');
  const [chosen, setChosen] = useState<string | null>(null);
  const phone = useMediaQuery(NARROW_QUERY, false, { getInitialValueInEffect: false });
  const { at, box } = useMemo(() => layout(network, phone), [network, phone]);
  const name = (id: string) => {
    const node = network.nodes.find((n) => n.id === id);
    return node ? (language === 'en' ? node.nameEn : node.nameBg) : id;
  };
  // The SVG scales to its box's width: on a phone a 640-unit picture is drawn ~350 px wide. Labels are sized
  // in picture units so that they come out LABEL_PX on screen, and only the most linked members (and the
  // one chosen, by tapping it or in the list below) are labelled there, so they do not pile up.
  const { ref: frame, width } = useElementSize();
  // The drawing keeps its proportions within the width and at most 70 % of the window's height.
  const scale = width > 0 ? Math.min(width / box.w, (0.7 * (globalThis.innerHeight || box.h)) / box.h) : 1;
  const narrow = phone || scale < 0.75;
  const fontSize = Math.max(11, LABEL_PX / scale);
  // How many members each is linked with (a pair linked by a partnership and bookings counts once).
  const partners = new Map<string, Set<string>>();
  for (const l of network.links) {
    partners.set(l.source, (partners.get(l.source) ?? new Set()).add(l.target));
    partners.set(l.target, (partners.get(l.target) ?? new Set()).add(l.source));
  }
  const linksOf = (id: string) => partners.get(id)?.size ?? 0;
  const byDegree = [...network.nodes].sort(
    (a, b) =>
      (at.get(b.id)?.degree ?? 0) - (at.get(a.id)?.degree ?? 0) ||
      name(a.id).localeCompare(name(b.id), language),
  );
  const labelled = new Set(
    narrow
      ? byDegree
          .filter((n) => (at.get(n.id)?.degree ?? 0) > 0)
          .slice(0, NARROW_LABELS)
          .map((n) => n.id)
      : network.nodes.map((n) => n.id),
  );
  if (chosen) labelled.add(chosen);
  const maxChars = narrow ? 18 : 24;
  const toggle = (id: string) => setChosen((current) => (current === id ? null : id));

  const areaColour = new Map(network.areas.map((a, i) => [a.id, PALETTE[i % PALETTE.length] as string]));
  const kindColour = new Map(ORGANIZATION_KINDS.map((k, i) => [k, PALETTE[i % PALETTE.length] as string]));
  const colourOf = (node: CooperationNetwork['nodes'][number]) =>
    colourBy === 'area'
      ? node.areaId
        ? (areaColour.get(node.areaId) ?? NO_AREA)
        : NO_AREA
      : (kindColour.get(node.kind) ?? NO_AREA);
  const legend =
    colourBy === 'area'
      ? [
          ...network.areas
            .filter((a) => network.nodes.some((n) => n.areaId === a.id))
            .map((a) => ({
              key: a.id,
              label: language === 'en' ? a.nameEn : a.nameBg,
              colour: areaColour.get(a.id) ?? NO_AREA,
            })),
          ...(network.nodes.some((n) => !n.areaId)
            ? [{ key: 'none', label: t('committee.cooperation.noArea'), colour: NO_AREA }]
            : []),
        ]
      : ORGANIZATION_KINDS.filter((k) => network.nodes.some((n) => n.kind === k)).map((k) => ({
          key: k,
          label: t(`kind.${k}`),
          colour: kindColour.get(k) ?? NO_AREA,
        }));

  // The links as a table: one row per pair, partnerships and bookings side by side.
  const pairs = new Map<string, { key: string; label: string; values: Record<string, number> }>();
  for (const l of network.links) {
    const key = `${l.source}:${l.target}`;
    const row = pairs.get(key) ?? { key, label: `${name(l.source)} — ${name(l.target)}`, values: {} };
    row.values[l.type] = (row.values[l.type] ?? 0) + l.count;
    pairs.set(key, row);
  }
  const table: ChartTable = {
    rowHeader: t('committee.cooperation.links'),
    columns: [
      { key: 'partnership', label: t('committee.cooperation.linkPartnership') },
      { key: 'booking', label: t('committee.cooperation.linkBooking') },
    ],
    rows: [...pairs.values()],
  };
  const summary = `${t('committee.cooperation.nodes', { count: network.nodes.length })}, ${t('committee.cooperation.links', { count: network.links.length })}`;

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Text fw={500}>{summary}</Text>
        <Group gap="xs">
          <Text size="sm" id="colour-by">
            {t('committee.cooperation.colourBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="colour-by"
            value={colourBy}
            onChange={(v) => setColourBy(v === 'kind' ? 'kind' : 'area')}
            data={[
              { value: 'area', label: t('committee.cooperation.colourByArea') },
              { value: 'kind', label: t('committee.cooperation.colourByKind') },
            ]}
          />
        </Group>
      </Group>
      <ChartFigure
        title={t('committee.cooperation.network')}
        table={table}
        empty={network.nodes.length === 0 ? t('committee.cooperation.noNodes') : undefined}
      >
        <svg
          ref={frame}
          viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
          width="100%"
          style={{ maxHeight: '70vh', display: 'block' }}
          role="presentation"
          data-narrow={narrow ? 'true' : undefined}
        >
          {network.links.map((l) => {
            const a = at.get(l.source);
            const b = at.get(l.target);
            if (!a || !b) return null;
            const faded = chosen !== null && l.source !== chosen && l.target !== chosen;
            return (
              <line
                key={`${l.type}:${l.source}:${l.target}`}
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                stroke={LINK_COLOURS[l.type]}
                strokeWidth={Math.min(6, 1.5 + l.count)}
                strokeDasharray={l.type === 'booking' ? '5 4' : undefined}
                strokeOpacity={faded ? 0.2 : 0.8}
              />
            );
          })}
          {network.nodes.map((n) => {
            const p = at.get(n.id);
            if (!p) return null;
            // On a phone the dots grow with the labels, so that they can be seen and tapped.
            const r = (6 + Math.min(8, Math.sqrt(p.degree) * 2)) * (narrow ? Math.min(2, fontSize / 11) : 1);
            const label = name(n.id);
            const isChosen = chosen === n.id;
            return (
              // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut in a picture hidden from assistive technology; the list of members below is the keyboard's way to choose
              <g
                key={n.id}
                transform={`translate(${p.x ?? 0} ${p.y ?? 0})`}
                data-node={n.id}
                onClick={() => toggle(n.id)}
                style={{ cursor: 'pointer' }}
              >
                <circle
                  r={r}
                  fill={colourOf(n)}
                  stroke={isChosen ? 'var(--mantine-color-text)' : '#fff'}
                  strokeWidth={isChosen ? 3 : 1.5}
                >
                  <title>{label}</title>
                </circle>
                {labelled.has(n.id) ? (
                  <text
                    x={r + 3}
                    y={fontSize / 3}
                    fontSize={fontSize}
                    fontWeight={isChosen ? 700 : undefined}
                    fill="currentColor"
                    stroke="var(--mantine-color-body)"
                    strokeWidth={fontSize / 4}
                    paintOrder="stroke"
                  >
                    {label.length > maxChars && !isChosen ? `${label.slice(0, maxChars - 1)}…` : label}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
        {network.links.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('committee.cooperation.noLinks')}
          </Text>
        ) : null}
      </ChartFigure>
      <section aria-labelledby="network-members">
        <Title order={2} size="h5" id="network-members">
          {t('committee.cooperation.membersList')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('committee.cooperation.membersListHint')}
        </Text>
        <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} spacing={4} className="plain-list">
          {byDegree.map((n) => (
            <li key={n.id}>
              <Button
                variant={chosen === n.id ? 'light' : 'subtle'}
                color="gray"
                size="compact-sm"
                fullWidth
                justify="flex-start"
                aria-pressed={chosen === n.id}
                onClick={() => toggle(n.id)}
                leftSection={<Swatch colour={colourOf(n)} />}
                styles={{
                  root: { height: 'auto', minHeight: 28, paddingBlock: 4 },
                  label: { whiteSpace: 'normal', textAlign: 'left', fontWeight: 400 },
                }}
              >
                <span>
                  {`${name(n.id)} · `}
                  <Text span size="xs" c="dimmed">
                    {t('committee.cooperation.partners', { count: linksOf(n.id) })}
                  </Text>
                </span>
              </Button>
            </li>
          ))}
        </SimpleGrid>
      </section>
      <Group align="flex-start" gap="xl" wrap="wrap">
        <div>
          <Text fw={500} size="sm" id="network-legend">
            {t('committee.cooperation.legend')}
          </Text>
          <List size="sm" listStyleType="none" aria-labelledby="network-legend">
            {legend.map((item) => (
              <List.Item key={item.key} icon={<Swatch colour={item.colour} />}>
                {item.label}
              </List.Item>
            ))}
          </List>
        </div>
        <div>
          <Text fw={500} size="sm" id="network-link-types">
            {t('committee.cooperation.linkTypes')}
          </Text>
          <List size="sm" listStyleType="none" aria-labelledby="network-link-types">
            <List.Item icon={<LineSwatch colour={LINK_COLOURS.partnership} />}>
              {t('committee.cooperation.linkPartnership')}
            </List.Item>
            <List.Item icon={<LineSwatch colour={LINK_COLOURS.booking} dashed />}>
              {t('committee.cooperation.linkBooking')}
            </List.Item>
          </List>
        </div>
      </Group>
    </Stack>
  );
}

function Swatch({ colour }: { colour: string }) {
  return (
    <svg width="12" height="12" aria-hidden="true">
      <circle cx="6" cy="6" r="6" fill={colour} />
    </svg>
  );
}

function LineSwatch({ colour, dashed = false }: { colour: string; dashed?: boolean }) {
  return (
    <svg width="24" height="12" aria-hidden="true">
      <line
        x1="0"
        y1="6"
        x2="24"
        y2="6"
        stroke={colour}
        strokeWidth="3"
        strokeDasharray={dashed ? '5 4' : undefined}
      />
    </svg>
  );
}
