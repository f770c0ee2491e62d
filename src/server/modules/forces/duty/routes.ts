import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../platform/services';

export function dutyRoutes(_app: FastifyInstance, _services: Services) {}
