export type AdminSection = 'employees' | 'teams' | 'widget' | 'snippets' | 'playbooks' | 'attributes' | 'channels';

export type Route =
  | { name: 'inbox'; conversationId: string | null }
  | { name: 'admin'; section: AdminSection }
  | { name: 'personalisation' }
  | { name: 'attention' }
  | { name: 'calls' }
  | { name: 'duplicates' }
  | { name: 'customers' }
  | { name: 'dashboard' }
  | { name: 'topics' }
  | { name: 'action-plans'; teamId: string | null }
  | { name: 'customer'; customerId: string }
  | { name: 'employee'; employeeId: string };

const ADMIN_SECTIONS: readonly AdminSection[] = ['employees', 'teams', 'widget', 'snippets', 'playbooks', 'attributes', 'channels'];

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] === 'conversations' && parts[1]) return { name: 'inbox', conversationId: decodeURIComponent(parts[1]) };
  if (parts[0] === 'personalisation') return { name: 'personalisation' };
  if (parts[0] === 'attention') return { name: 'attention' };
  if (parts[0] === 'calls') return { name: 'calls' };
  if (parts[0] === 'duplicates') return { name: 'duplicates' };
  if (parts[0] === 'dashboard') return { name: 'dashboard' };
  if (parts[0] === 'topics') return { name: 'topics' };
  if (parts[0] === 'action-plans') return { name: 'action-plans', teamId: parts[1] ? decodeURIComponent(parts[1]) : null };
  if (parts[0] === 'customers' && parts[1]) return { name: 'customer', customerId: decodeURIComponent(parts[1]) };
  if (parts[0] === 'customers') return { name: 'customers' };
  if (parts[0] === 'employees' && parts[1]) return { name: 'employee', employeeId: decodeURIComponent(parts[1]) };
  if (parts[0] === 'admin') {
    const section = ADMIN_SECTIONS.find((s) => s === parts[1]) ?? 'employees';
    return { name: 'admin', section };
  }
  return { name: 'inbox', conversationId: null };
}

export function pathOf(route: Route): string {
  if (route.name === 'admin') return `/admin/${route.section}`;
  if (route.name === 'personalisation') return '/personalisation';
  if (route.name === 'attention') return '/attention';
  if (route.name === 'calls') return '/calls';
  if (route.name === 'duplicates') return '/duplicates';
  if (route.name === 'dashboard') return '/dashboard';
  if (route.name === 'topics') return '/topics';
  if (route.name === 'action-plans') return route.teamId ? `/action-plans/${encodeURIComponent(route.teamId)}` : '/action-plans';
  if (route.name === 'customers') return '/customers';
  if (route.name === 'customer') return `/customers/${encodeURIComponent(route.customerId)}`;
  if (route.name === 'employee') return `/employees/${encodeURIComponent(route.employeeId)}`;
  return route.conversationId ? `/conversations/${encodeURIComponent(route.conversationId)}` : '/';
}
