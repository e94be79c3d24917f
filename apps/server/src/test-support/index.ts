// Test helpers other workspaces' tests may use: a real server on a temporary store, Chromium.
export { artifactPath, CHROMIUM_PATH, launchChromium } from './chromium';
export { startTestServer, type TestServer } from './test-server';
