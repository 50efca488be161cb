import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config/config.ts';
import type { Db } from './db/database.ts';
import type { DomainEvents } from './events/domain-events.ts';
import type { EventBus } from './events/event-bus.ts';
import type { Storage } from './storage/storage.ts';
import type { EmotionSensor } from './emotion/emotion-sensor.ts';

// What every module receives: passed explicitly, never imported as a global.
export type AppContext = {
  config: Config;
  db: Db;
  bus: EventBus<DomainEvents>;
  storage: Storage;
  // Signs visitor tokens; from VINCULO_SECRET or generated once and kept in the database.
  secret: string;
  log: FastifyBaseLogger;
  // Reads how a customer feels from what they write (packages/emotion).
  emotion: EmotionSensor;
};
