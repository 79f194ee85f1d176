// Block 29d of the table in ../t2s.js.
export const T2S = "𩴵𩴌𩵦𫠏𩵩𩽺𩵹𩽻𩶁𫚎𩶘䲞𩶰𩽿𩶱𩽽𩷰𩾄";
