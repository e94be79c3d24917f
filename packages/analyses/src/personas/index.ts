// Personas: customers clustered on behaviour and value (k-means++, k by silhouette), each
// described by what sets it apart from the average customer.
export type { Persona, PersonaDiscovery, PersonaOptions } from './discover-personas';
export { discoverPersonas } from './discover-personas';
export type { KMeansOptions, KMeansResult, PointMatrix } from './k-means';
export { kMeans, seededRandom } from './k-means';
export type { DescribeOptions, PersonaTrait } from './persona-descriptions';
export { describePersona, describeTrait, times } from './persona-descriptions';
export type {
  CustomerBehaviour,
  FeatureKind,
  FeatureMatrix,
  FeatureOptions,
  PersonaFeature,
} from './persona-features';
export { buildFeatureMatrix } from './persona-features';
export { meanSilhouette, silhouetteSample } from './silhouette';
