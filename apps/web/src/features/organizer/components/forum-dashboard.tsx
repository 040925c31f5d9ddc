import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { ForumDashboardQuery } from '../../../gql/graphql';

const ForumDashboard = graphql(`
  query ForumDashboard($forumId: ID!) {
    forumStats(forumId: $forumId) {
      registrationsByDay {
        date
        side
        count
      }
      requestsPending
      requestsAccepted
      requestsDeclined
      meetings
      meetingPlaces
      interpreterPlaces
      requestedPairs
      requestedPairsNeedingInterpreter
    }
  }
`);

type Stats = ForumDashboardQuery['forumStats'];

const SIDE_COLORS = ['blue.8', 'red.8', 'teal.8', 'grape.8'];

/** Registrations by side over time, running totals per side by day. */
export function registrationSeries(days: Stats['registrationsByDay'], noSide: string): { rows: Record<string, string | number>[]; sides: string[] } {
  const sides = [...new Set(days.map((day) => day.side ?? noSide))].sort();
  const dates = [...new Set(days.map((day) => day.date))].sort();
  const totals = Object.fromEntries(sides.map((side) => [side, 0]));
  const rows = dates.map((date) => {
    for (const day of days.filter((entry) => entry.date === date)) totals[day.side ?? noSide] += day.count;
    return { date, ...totals };
  });
  return { rows, sides };
}

/** The organiser's dashboard: registrations over time, requests and their answers, demand against capacity (meetings and interpreters). */
export function ForumDashboardCharts({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation('organizer');
  const [{ data }] = useQuery({ query: ForumDashboard, variables: { forumId } });
  if (!data) return null;
  const stats = data.forumStats;
  const number = new Intl.NumberFormat(i18n.language);
  const { rows, sides } = registrationSeries(stats.registrationsByDay, t('figures.noSide'));
  const capacity = [
    { what: t('dashboard.meetings'), [t('dashboard.asked')]: stats.requestedPairs, [t('dashboard.places')]: stats.meetingPlaces, [t('dashboard.scheduled')]: stats.meetings },
    { what: t('dashboard.interpreters'), [t('dashboard.asked')]: stats.requestedPairsNeedingInterpreter, [t('dashboard.places')]: stats.interpreterPlaces },
  ];
  const requests = [
    { status: t('dashboard.pending'), count: stats.requestsPending },
    { status: t('dashboard.accepted'), count: stats.requestsAccepted },
    { status: t('dashboard.declined'), count: stats.requestsDeclined },
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} data-testid="dashboard">
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="chart-registrations">
        <Title order={2} size="h5" id="chart-registrations" mb="xs">
          {t('dashboard.registrations')}
        </Title>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dashboard.none')}
          </Text>
        ) : (
          <LineChart h={180} data={rows} dataKey="date" series={sides.map((side, i) => ({ name: side, color: SIDE_COLORS[i % SIDE_COLORS.length] }))} withLegend curveType="monotone" valueFormatter={(value) => number.format(value)} />
        )}
      </Card>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="chart-requests">
        <Title order={2} size="h5" id="chart-requests" mb="xs">
          {t('dashboard.requests')}
        </Title>
        <BarChart h={180} data={requests} dataKey="status" series={[{ name: 'count', label: t('figures.requests'), color: 'blue.8' }]} valueFormatter={(value) => number.format(value)} />
      </Card>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="chart-capacity">
        <Title order={2} size="h5" id="chart-capacity" mb="xs">
          {t('dashboard.capacity')}
        </Title>
        <BarChart
          h={180}
          data={capacity}
          dataKey="what"
          withLegend
          series={[
            { name: t('dashboard.asked'), color: 'orange.8' },
            { name: t('dashboard.places'), color: 'blue.8' },
            { name: t('dashboard.scheduled'), color: 'teal.8' },
          ]}
          valueFormatter={(value) => number.format(value)}
        />
        <Text size="xs" c="dimmed" mt={4} data-testid="capacity-text">
          {t('dashboard.capacityText', { asked: number.format(stats.requestedPairs), places: number.format(stats.meetingPlaces), interpreterAsked: number.format(stats.requestedPairsNeedingInterpreter), interpreterPlaces: number.format(stats.interpreterPlaces) })}
        </Text>
      </Card>
    </SimpleGrid>
  );
}
