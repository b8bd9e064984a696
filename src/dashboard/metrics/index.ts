// Every dashboard metric from one read of the workbook.

import { computeChurn, type ChurnMetrics } from './churn';
import { computeFeedback, countRecentConversations, type ConversationMetrics, type FeedbackMetrics } from './feedback';
import { computeLifetimeValue, type LifetimeValueMetrics } from './lifetimeValue';
import { computeNewCustomers, type NewCustomerMetrics } from './newCustomers';
import { computePareto, type ParetoMetrics } from './pareto';
import { computePipeline, type PipelineMetrics } from './pipeline';
import { computeRevenue, type RevenueMetrics } from './revenue';
import { collectSales } from './sales';
import { computeSlipping, type SlippingMetrics } from './slipping';
import { computeToday, type TodayMetrics } from './today';
import type { MetricsInput } from './types';

export interface DashboardMetrics {
  today: TodayMetrics;
  pipeline: PipelineMetrics;
  revenue: RevenueMetrics;
  slipping: SlippingMetrics;
  lifetimeValue: LifetimeValueMetrics;
  pareto: ParetoMetrics;
  churn: ChurnMetrics;
  newCustomers: NewCustomerMetrics;
  feedback: FeedbackMetrics;
  /** Conversations logged in the last seven days, per activity sheet. */
  conversations: ConversationMetrics;
}

export function computeDashboard(input: MetricsInput): DashboardMetrics {
  const sales = collectSales(input.sheets, input.currency);
  return {
    today: computeToday(input),
    pipeline: computePipeline(input),
    revenue: computeRevenue(input, sales),
    slipping: computeSlipping(input),
    lifetimeValue: computeLifetimeValue(input, sales),
    pareto: computePareto(input, sales),
    churn: computeChurn(input, sales),
    newCustomers: computeNewCustomers(input, sales),
    feedback: computeFeedback(input),
    conversations: countRecentConversations(input),
  };
}
