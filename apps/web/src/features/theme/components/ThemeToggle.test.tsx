import { act, screen, within } from '@testing-library/react';
import { startManifestServer, type TestServer } from '../../../test/http-server';
import { renderApp } from '../../../test/render-app';
import { applyTheme, THEME_STORAGE_KEY } from '../theme';

describe('ThemeToggle', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startManifestServer();
  });

  afterEach(async () => {
    vi.unstubAllGlobals();
    await server.close();
  });

  function themeGroup() {
    return screen.getByRole('group', { name: 'Colour theme' });
  }

  it('defaults to the system preference', () => {
    applyTheme();
    renderApp({ apiBaseUrl: server.url });

    expect(within(themeGroup()).getByRole('radio', { name: 'System' })).toBeChecked();
    // jsdom has no matchMedia, so "system" resolves to light.
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('switches data-theme on <html> and persists the choice', async () => {
    applyTheme();
    const { user } = renderApp({ apiBaseUrl: server.url });

    await user.click(within(themeGroup()).getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(within(themeGroup()).getByRole('radio', { name: 'Dark' })).toBeChecked();

    await user.click(within(themeGroup()).getByRole('radio', { name: 'Light' }));
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');

    await user.click(within(themeGroup()).getByRole('radio', { name: 'System' }));
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
    expect(document.documentElement).toHaveAttribute('data-theme-preference', 'system');
  });

  it('restores a stored preference before rendering and is keyboard operable', async () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    applyTheme();
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');

    const { user } = renderApp({ apiBaseUrl: server.url });
    const dark = within(themeGroup()).getByRole('radio', { name: 'Dark' });
    expect(dark).toBeChecked();

    dark.focus();
    await user.keyboard('{ArrowLeft}');
    expect(within(themeGroup()).getByRole('radio', { name: 'Light' })).toBeChecked();
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
  });

  it('ignores an invalid stored value', () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'sepia');
    applyTheme();
    expect(document.documentElement).toHaveAttribute('data-theme-preference', 'system');
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
  });

  it('follows prefers-color-scheme while set to system', async () => {
    // jsdom has no matchMedia: provide a controllable one, as a browser would.
    let prefersDark = true;
    const listeners = new Set<() => void>();
    vi.stubGlobal('matchMedia', (query: string) => ({
      media: query,
      get matches() {
        return prefersDark;
      },
      addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
    }));

    applyTheme();
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    const { user } = renderApp({ apiBaseUrl: server.url });
    expect(listeners.size).toBeGreaterThan(0);

    prefersDark = false;
    act(() => listeners.forEach((listener) => listener()));
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');

    // An explicit choice wins over the system setting.
    await user.click(within(themeGroup()).getByRole('radio', { name: 'Dark' }));
    prefersDark = false;
    act(() => listeners.forEach((listener) => listener()));
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
  });
});
