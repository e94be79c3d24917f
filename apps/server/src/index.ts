// Public entry of @centric/server, used by the CLI (start, and local mode) and by tests.
export { buildApp, VERSION } from './app';
export { type Config, ConfigError, type ConfigOverrides, loadConfig } from './config';
export { CentricError } from './errors';
export * from './reports/index';
export { type RunningServer, startServer } from './server';
export { readServerFile, type ServerFile, serverFilePath } from './server-file';
export { CentricService } from './services/centric-service';
export { IdentityLinker } from './services/identity-linker';
export {
  type FunnelReportResponse,
  type FunnelRequest,
  JourneyService,
  type JourneysReport,
  type JourneysRequest,
  type PathsReport,
  type PathsRequest,
  type PhaseFunnelReport,
  type PhaseFunnelRequest,
} from './services/journey-service';
export { MiningService } from './services/mining-service';
export { PersonaService } from './services/persona-service';
export { type Customer360, ProfileService } from './services/profile-service';
export { RecommendationService, type RecommendRequest } from './services/recommendation-service';
export { type SearchInput, SearchService } from './services/search-service';
export { SegmentService } from './services/segment-service';
export { type StreamRequest, StreamService } from './services/stream-service';
