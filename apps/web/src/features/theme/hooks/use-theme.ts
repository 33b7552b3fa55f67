import { useSyncExternalStore } from 'react';
import {
  readThemePreference,
  resolveTheme,
  setThemePreference,
  subscribeToTheme,
  type ResolvedTheme,
  type ThemePreference,
} from '../theme';

export interface ThemeState {
  preference: ThemePreference;
  resolved: ResolvedTheme;
  setPreference: (preference: ThemePreference) => void;
}

const getServerSnapshot = (): ThemePreference => 'system';

export function useTheme(): ThemeState {
  const preference = useSyncExternalStore(subscribeToTheme, readThemePreference, getServerSnapshot);
  return { preference, resolved: resolveTheme(preference), setPreference: setThemePreference };
}
