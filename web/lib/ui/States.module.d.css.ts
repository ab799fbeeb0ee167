export const __esModule: true;
export const shimmer: string;
export const skeleton: string;
export const skeletonGrid: string;
export const skeletonLine: string;
export const skeletonLineMid: string;
export const skeletonLineShort: string;
export const state: string;
export const stateEmpty: string;
export const stateError: string;
export const stateLoading: string;
export const stateText: string;
export const stateTitle: string;

