export const __esModule: true;
export const progress: string;
export const progressCaption: string;
export const progressFill: string;
export const progressTick: string;
export const progressTrack: string;

