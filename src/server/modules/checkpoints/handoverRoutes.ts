import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/services';

// Hand-overs (移交) from checkpoints to the destination communities.
export function handoverRoutes(_app: FastifyInstance, _services: Services) {}
