// Computed traits of a customer profile, as stored, computed and shown: one shape for the
// store, the pure trait computation and the dashboard (times are epoch milliseconds).

export interface ProfileTraits {
  profileId: string;
  firstSeen: number | null;
  lastSeen: number | null;
  events: number;
  sessions: number;
  channels: string[];
  orders: number;
  revenue: number;
  averageOrderValue: number | null;
  firstOrderAt: number | null;
  lastOrderAt: number | null;
  rfmRecency: number | null;
  rfmFrequency: number | null;
  rfmMonetary: number | null;
  rfmSegment: string | null;
  lifecycleStage: string | null;
  historicClv: number | null;
  predictedClv: number | null;
  churnProbability: number | null;
  expectedPurchases52w: number | null;
  refreshedAt: number;
}
