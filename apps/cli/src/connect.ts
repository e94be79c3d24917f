// Picks how the CLI reaches Centric: through a running server if one holds the store, else
// directly.
import type { Config } from '@centric/server';
import type { CentricClient } from './centric-client';
import { LocalClient } from './local-client';
import { findRunningServer, RemoteClient } from './remote-client';

export async function connect(config: Readonly<Config>): Promise<CentricClient> {
  const server = await findRunningServer(config.dataDir);
  if (server) return new RemoteClient(server);
  return LocalClient.open(config);
}

export async function withClient<T>(
  config: Readonly<Config>,
  use: (client: CentricClient) => Promise<T>,
): Promise<T> {
  const client = await connect(config);
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}
