/** The reason a manual checkpoint is pending in an automatic run when nothing of it can be seen through the API. */
export const ASSESSOR_ONLY = 'judged by the assessor only';
