import { join } from 'node:path';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { AppConfigModule, loggerOptions } from '@forum/common';
import { dataSourceOptions } from '@forum/db';
import { NotificationsModule } from '@forum/notifications';
import { API_RUNTIME, ApiRuntime } from './api-runtime';
import { AgendasModule } from './agendas/agendas.module';
import { AuthModule } from './auth/auth.module';
import { formatGraphqlError } from './common/format-graphql-error';
import { JitApolloDriver } from './common/jit-apollo.driver';
import { graphqlHardening } from './common/graphql-hardening';
import { graphqlHttpContext } from './common/graphql-context';
import { GraphqlHttpFront } from './common/graphql-http-front';
import { CompaniesModule } from './companies/companies.module';
import { ForumDayModule } from './forum-day/forum-day.module';
import { ForumsModule } from './forums/forums.module';
import { HealthModule } from './health/health.module';
import { MeetingRequestsModule } from './meeting-requests/meeting-requests.module';
import { NotificationsApiModule } from './notifications/notifications-api.module';
import { RecommendationsModule } from './recommendations/recommendations.module';
import { RegistrationsModule } from './registrations/registrations.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { ServerInfoModule } from './server-info/server-info.module';
import { webAppModule } from './web-app';

@Module({})
export class AppModule {
  static forRoot(runtime: ApiRuntime): DynamicModule {
    const { config } = runtime;
    const hardening = graphqlHardening(config);
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config, 'api')),
        TypeOrmModule.forRoot(dataSourceOptions({ url: runtime.databaseUrl, poolSize: runtime.databasePoolSize, embedded: runtime.embeddedDatabase })),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          // Apollo's, with queries run by graphql-jit once a document repeats (see JitApolloDriver).
          driver: config.graphqlJit ? JitApolloDriver : ApolloDriver,
          // Development writes the schema into the repository, where it is reviewed and committed.
          autoSchemaFile: config.nodeEnv === 'production' ? true : join(process.cwd(), 'apps/api/schema.gql'),
          sortSchema: true,
          path: '/graphql',
          playground: false,
          introspection: config.nodeEnv !== 'production',
          includeStacktraceInErrorResponses: false,
          csrfPrevention: true,
          formatError: formatGraphqlError,
          // Compact JSON: Apollo pretty-prints by default, which doubles what every agenda sends and parses.
          stringifyResult: (result: unknown) => JSON.stringify(result),
          validationRules: hardening.validationRules,
          // No HTTP cache hints are used: without the plugin, Apollo runs no hook per resolved field (~100 per agenda).
          plugins: [ApolloServerPluginCacheControlDisabled(), ...hardening.plugins],
          // Guards run on field resolvers too, so a field cannot leak what its operation protects.
          fieldResolverEnhancers: ['guards'],
          context: graphqlHttpContext,
          subscriptions: {
            'graphql-ws': {
              // Subscription results bypass Apollo's formatError: give them the same codes and messages.
              onNext: (_context, _id, _payload, _args, result) =>
                result.errors ? { ...result, errors: result.errors.map((error) => formatGraphqlError(error.toJSON(), error)) } : undefined,
            },
          },
        }),
        AuthModule,
        CompaniesModule,
        ForumsModule,
        RegistrationsModule,
        RecommendationsModule,
        MeetingRequestsModule,
        AgendasModule,
        HealthModule.forRoot(runtime),
        SchedulingModule.forRoot(runtime),
        // Single process (no Redis): this process sends the outbox; with Redis, the worker does.
        ...(runtime.schedulingMode === 'in-process' ? [NotificationsModule.forRoot('inline', config.workerLockMs)] : []),
        NotificationsApiModule,
        ForumDayModule,
        ServerInfoModule,
        // After GraphQLModule, so GET /graphql stays the API's.
        ...webAppModule(),
      ],
      providers: [{ provide: API_RUNTIME, useValue: runtime }, GraphqlHttpFront],
      exports: [API_RUNTIME],
      global: true,
    };
  }
}
