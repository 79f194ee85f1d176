// Block 3a of the table in ../t2s.js.
export const T2S = "㨻𪮃㩋𪮋㩜㨫㩳㧐㩵擜㪎𪯋";
