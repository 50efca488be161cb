// The reaction module's entry points for app.ts: its routes (with the reminders job) and listeners.
export { reactionRoutes } from './reaction.routes.ts';
export { registerReactionListeners } from './reaction.listeners.ts';
