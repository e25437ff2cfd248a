// The news cache keys are shared by the news pages (features/news) and their editors; features may not
// import each other, so they live here. (The home page reads its latest news within /api/home.)
export const newsKeys = {
  all: ['news'] as const,
  latest: () => [...newsKeys.all, 'latest'] as const,
};
