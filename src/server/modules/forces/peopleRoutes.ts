import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/services';

export function peopleRoutes(_app: FastifyInstance, _services: Services) {}
