import { Button, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { currentLanguage } from '../lib/i18n';
import { storedToken } from '../lib/session';

/**
 * A file of the API in the reader's language. Export routes need the bearer
 * token, so the file is fetched and handed to the browser, not linked.
 */
export function DownloadButton({ path, filename, label, ...props }: { path: string; filename: string; label: string } & ButtonProps) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const separator = path.includes('?') ? '&' : '?';
      const response = await fetch(`${path}${separator}lang=${currentLanguage()}`, { headers: { authorization: `Bearer ${storedToken()}` } });
      if (!response.ok) return;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="default" onClick={download} loading={busy} {...props}>
      {label}
    </Button>
  );
}
