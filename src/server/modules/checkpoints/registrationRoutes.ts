import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/services';

// Self-registration (扫码登记) before a checkpoint.
export function registrationRoutes(_app: FastifyInstance, _services: Services) {}
