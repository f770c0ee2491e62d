import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useMe } from '../http/auth';
import { isStatus } from '../http/errors';
import { useUnit } from '../http/org';
import type { UnitWithAncestors } from '../http/types';
import { isWithin } from './paths';

// The current scope: the unit the desk screens start from (tree page root, users list filter). Chosen in the
// header's unit switcher, kept per user in localStorage.

interface ScopeValue {
  scopeCode: string | undefined;
  scopeUnit: UnitWithAncestors | undefined;
  setScope: (code: string) => void;
}

const ScopeContext = createContext<ScopeValue>({
  scopeCode: undefined,
  scopeUnit: undefined,
  setScope: () => {},
});

const storageKey = (userId: string | number) => `wangge.scope.${userId}`;

function readStored(userId: string | number): string | undefined {
  try {
    return localStorage.getItem(storageKey(userId)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function ScopeProvider({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const defaultCode = me?.units?.[0]?.code;
  const [chosen, setChosen] = useState<string | undefined>(() => (me ? readStored(me.id) : undefined));
  const scopeCode = chosen ?? defaultCode;
  const unitQuery = useUnit(scopeCode);

  const setScope = useCallback(
    (code: string) => {
      setChosen(code);
      if (me) {
        try {
          localStorage.setItem(storageKey(me.id), code);
        } catch {
          // ignore
        }
      }
    },
    [me],
  );

  // A stored scope that is gone or no longer granted falls back to the first granted unit.
  useEffect(() => {
    if (!chosen || !me) return;
    const unit = unitQuery.data;
    const outside = unit && me.units.length > 0 && !me.units.some((root) => isWithin(unit, root));
    if (isStatus(unitQuery.error, 404) || outside) {
      setChosen(undefined);
      try {
        localStorage.removeItem(storageKey(me.id));
      } catch {
        // ignore
      }
    }
  }, [chosen, me, unitQuery.data, unitQuery.error]);

  const value = useMemo(
    () => ({
      scopeCode,
      scopeUnit: unitQuery.data?.code === scopeCode ? unitQuery.data : undefined,
      setScope,
    }),
    [scopeCode, unitQuery.data, setScope],
  );
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export function useScope(): ScopeValue {
  return useContext(ScopeContext);
}
