import { expect, test, watchLoadProblems } from './fixtures'

// The `app` fixture already fails any test whose page logs an error while
// loading; this spec states it on its own and checks the icon that keeps
// browsers from asking for a missing /favicon.ico.
test('the app loads with no console error, no failed request, and its own icon', async ({ page, served }) => {
  const problems = watchLoadProblems(page)
  const icon = page.waitForResponse((response) => /\/assets\/favicon-[\w-]+\.svg$/.test(new URL(response.url()).pathname))
  await page.goto(served.url)
  await expect(page.getByTestId('db-path')).toContainText(served.dbPath)
  const iconResponse = await icon
  expect(iconResponse.status()).toBe(200)
  expect(iconResponse.headers()['content-type']).toBe('image/svg+xml')
  // Requests made after "ready" (the icon comes after the document) must be seen too.
  await page.waitForLoadState('networkidle')
  expect(problems.stop()).toEqual([])
})
