import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/services';

export function groupRoutes(_app: FastifyInstance, _services: Services) {}
