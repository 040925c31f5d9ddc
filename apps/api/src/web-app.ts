import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';

/** Where `vite build` puts the web app (apps/web). */
export const WEB_APP_DIR = join(process.cwd(), 'apps/web/dist');

/**
 * The web app at `/`, with every deep link answered by index.html, while the
 * API's own paths stay the API's: GraphQL, health, the dashboard, the export
 * and download routes — and a missing asset is a 404, not index.html. Only
 * when the app has been built (npm start builds it; API tests run without it).
 */
export function webAppModule(): DynamicModule[] {
  if (!existsSync(join(WEB_APP_DIR, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: WEB_APP_DIR,
      exclude: [
        '/graphql{*rest}',
        '/health{*rest}',
        '/admin/{*rest}',
        '/assets/{*rest}',
        '/forums/:forumId/agenda.ics',
        '/forums/:forumId/agenda.pdf',
        '/forums/:forumId/schedule.csv',
        '/forums/:forumId/schedule.xlsx',
        '/forums/:forumId/requests.csv',
        '/forums/:forumId/requests.xlsx',
        '/forums/:forumId/runs/{*rest}',
      ],
      serveStaticOptions: { index: false, maxAge: '1h' },
    }),
  ];
}
