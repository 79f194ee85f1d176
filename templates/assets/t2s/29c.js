// Block 29c of the table in ../t2s.js.
export const T2S = "𩰀𩬤𩰹𩰰𩳤𩲒";
