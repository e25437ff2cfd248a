import { authHandlers } from './auth.ts';
import { clusterHandlers } from './cluster.ts';
import { conversationHandlers } from './conversations.ts';
import { directoryHandlers } from './directory.ts';

/** What every test gets: the answers the layout needs on any page, and an empty public directory. Tests add theirs with `server.use`. */
export const handlers = [...clusterHandlers, ...authHandlers, ...directoryHandlers, ...conversationHandlers];
