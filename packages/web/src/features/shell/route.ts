export type AdminSection = 'employees' | 'teams' | 'widget';

export type Route = { name: 'inbox'; conversationId: string | null } | { name: 'admin'; section: AdminSection };

const ADMIN_SECTIONS: readonly AdminSection[] = ['employees', 'teams', 'widget'];

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] === 'conversations' && parts[1]) return { name: 'inbox', conversationId: decodeURIComponent(parts[1]) };
  if (parts[0] === 'admin') {
    const section = ADMIN_SECTIONS.find((s) => s === parts[1]) ?? 'employees';
    return { name: 'admin', section };
  }
  return { name: 'inbox', conversationId: null };
}

export function pathOf(route: Route): string {
  if (route.name === 'admin') return `/admin/${route.section}`;
  return route.conversationId ? `/conversations/${encodeURIComponent(route.conversationId)}` : '/';
}
