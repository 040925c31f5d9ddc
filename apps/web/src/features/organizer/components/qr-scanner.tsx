import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type ScannerState = 'starting' | 'scanning' | 'denied' | 'unavailable';

/**
 * The camera path of the check-in desk: the back camera's picture, read a few
 * times a second by jsQR (loaded only when the camera opens); the first code
 * read is handed to `onCode` and the camera closes.
 */
export function QrScanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const { t } = useTranslation('organizer');
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<ScannerState>('starting');
  const handed = useRef(onCode);
  handed.current = onCode;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setState('unavailable');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (error) {
        setState(error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'SecurityError') ? 'denied' : 'unavailable');
        return;
      }
      if (stopped || !video.current) return;
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      const { default: jsQR } = await import('jsqr');
      setState('scanning');
      const read = () => {
        const element = video.current;
        if (stopped || !element || !context) return;
        if (element.videoWidth > 0) {
          canvas.width = element.videoWidth;
          canvas.height = element.videoHeight;
          context.drawImage(element, 0, 0);
          const found = jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height, { inversionAttempts: 'dontInvert' });
          const code = found?.data.trim();
          if (code) {
            stopped = true;
            handed.current(code);
            return;
          }
        }
        timer = window.setTimeout(read, 200);
      };
      read();
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <Stack gap="xs" data-testid="qr-scanner" data-state={state}>
      {(state === 'starting' || state === 'scanning') && (
        <video ref={video} muted playsInline aria-label={t('checkIn.camera.video')} style={{ width: '100%', maxWidth: 420, borderRadius: 8, background: '#111', aspectRatio: '4 / 3', objectFit: 'cover' }} />
      )}
      {state === 'scanning' && (
        <Text size="sm" c="dimmed" role="status">
          {t('checkIn.camera.scanning')}
        </Text>
      )}
      {state === 'denied' && (
        <Alert color="yellow" variant="light" role="alert">
          {t('checkIn.camera.denied')}
        </Alert>
      )}
      {state === 'unavailable' && (
        <Alert color="yellow" variant="light" role="alert">
          {t('checkIn.camera.unavailable')}
        </Alert>
      )}
      <Group>
        <Button variant="default" onClick={onClose}>
          {t('checkIn.camera.close')}
        </Button>
      </Group>
    </Stack>
  );
}
