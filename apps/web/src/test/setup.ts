import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// The web tests run beside the API suite on two cores: a page can take well over the default second to appear.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
  delete document.documentElement.dataset.themePreference;
  document.title = '';
});

// jsdom does not implement scrolling; React Router's scroll restoration calls it on every navigation.
window.scrollTo = () => {};
