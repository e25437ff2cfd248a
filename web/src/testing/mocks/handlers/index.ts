import { authHandlers } from './auth.ts';
import { clusterHandlers } from './cluster.ts';

/** What every test gets: the answers the layout needs on any page. Tests add theirs with `server.use`. */
export const handlers = [...clusterHandlers, ...authHandlers];
