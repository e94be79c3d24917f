// Customer profiles' computed traits.
export {
  type ActivityInput,
  type ComputedTraits,
  computeTraits,
  type OrderInput,
  type RfmPopulationMember,
} from './computed-traits';
