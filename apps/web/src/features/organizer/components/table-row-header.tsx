import { useTranslation } from 'react-i18next';

/** A table's row header in the organiser's grids: its label, and "INT" when an interpreter sits there. */
export function TableRowHeader({ table }: { table: { label: string; interpreter: boolean } }) {
  const { t } = useTranslation('organizer');
  return (
    <th scope="row">
      {table.label}
      {table.interpreter && (
        <abbr className="interpreter" title={t('grid.interpreterTable')}>
          {t('grid.interpreterShort')}
        </abbr>
      )}
    </th>
  );
}
