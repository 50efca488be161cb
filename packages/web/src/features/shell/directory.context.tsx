import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Employee, Page, Team } from '../../api/api.types.ts';
import { api } from '../../api/http-client.ts';

// Employees and teams of the workspace: small lists many screens need (assign selects, names).
export type Directory = {
  employees: Employee[];
  teams: Team[];
  employeeName: (id: string | null) => string | null;
  reload: () => Promise<void>;
};

const DirectoryContext = createContext<Directory | null>(null);

export function DirectoryProvider({ children }: { children: ReactNode }) {
  const [employees, setEmployees] = useState<Employee[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);

  const reload = useCallback(async () => {
    const [e, t] = await Promise.all([api.get<Page<Employee>>('/api/employees'), api.get<Page<Team>>('/api/teams')]);
    setEmployees(e.items);
    setTeams(t.items);
  }, []);

  useEffect(() => {
    reload().catch(() => undefined);
  }, [reload]);

  const value = useMemo<Directory>(() => {
    const names = new Map(employees.map((e) => [e.id, e.name]));
    return { employees, teams, reload, employeeName: (id) => (id ? (names.get(id) ?? null) : null) };
  }, [employees, teams, reload]);

  return <DirectoryContext value={value}>{children}</DirectoryContext>;
}

export function useDirectory(): Directory {
  const ctx = useContext(DirectoryContext);
  if (!ctx) throw new Error('useDirectory outside DirectoryProvider');
  return ctx;
}
