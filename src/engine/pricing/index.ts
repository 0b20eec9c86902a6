export { billingModule, BILLING_SERVICE } from './module.ts';
export { Money, ZERO, toCents, formatUsd, sum } from './money.ts';
export { parsePriceBook, PriceBookError, priceFileSchema, PRICED_SERVICES, type PriceBook, type PriceFile, type PricedService, type UnitPrice } from './price-book.ts';
export { computeBill, examComparison, ROUNDING_RULE, type Bill, type BillRequest, type LineItem, type TagAllocation, type ExamComparison } from './bill.ts';
export { monthSpan, monthOf, monthsFrom, nextMonth, type MonthSpan } from './calendar.ts';
export { storageSpans, ledgerOf, type StorageSpan } from './storage-usage.ts';
export type { LifecycleLedger, LifecycleSegment, MeteredResource } from './lifecycle-ledger.ts';
