import { Card, Group, Image, Stack, Text, Title } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { clockTime } from '../../../lib/time';

const CheckInCode = graphql(`
  query CheckInCode($forumId: ID!) {
    myRegistration(forumId: $forumId) {
      id
      checkInCode
      checkedInAt
    }
  }
`);

/** The company's check-in code on its agenda: a QR code for the desk's camera and the same code to type. */
export function CheckInCard({ forumId, timeZone }: { forumId: string; timeZone: string }) {
  const { t, i18n } = useTranslation('agenda');
  const [{ data }] = useQuery({ query: CheckInCode, variables: { forumId } });
  const registration = data?.myRegistration;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (!registration) return;
    void QRCode.toDataURL(registration.checkInCode, { margin: 1, width: 160 }).then(setQr);
  }, [registration]);
  if (!registration) return null;
  return (
    <Card withBorder radius="md" padding="sm" component="section" aria-labelledby="check-in-title" data-testid="check-in">
      <Group gap="md" wrap="nowrap" align="center">
        {qr && <Image src={qr} alt={t('checkIn.qr')} w={112} h={112} />}
        <Stack gap={2}>
          <Title order={2} size="h5" id="check-in-title">
            {t('checkIn.title')}
          </Title>
          <Text ff="monospace" fw={700} size="xl" data-testid="check-in-code">
            {registration.checkInCode}
          </Text>
          <Text size="sm" c="dimmed">
            {registration.checkedInAt ? t('checkIn.done', { time: clockTime(registration.checkedInAt, i18n.language, timeZone) }) : t('checkIn.hint')}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
