import type { SelectHTMLAttributes } from 'react';
import type { Team } from '../../api/api.types.ts';

type TeamSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & {
  teams: Team[];
  // The first option, value "": "no team" when assigning, "all teams" when filtering.
  emptyLabel: string;
  testId?: string;
};

export function TeamSelect({ teams, emptyLabel, testId, ...select }: TeamSelectProps) {
  return (
    <select data-testid={testId} {...select}>
      <option value="">{emptyLabel}</option>
      {teams.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
    </select>
  );
}
