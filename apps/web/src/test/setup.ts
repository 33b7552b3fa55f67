import '@testing-library/jest-dom/vitest';

afterEach(() => {
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
  delete document.documentElement.dataset.themePreference;
  document.title = '';
});

// jsdom does not implement scrolling; React Router's scroll restoration calls it on every navigation.
window.scrollTo = () => {};
