// Block 53 of the table in ../t2s.js.
export const T2S = "匭匦匯汇匱匮區区協协卹恤卻却卽即厙厍厠厕厤历厭厌厲厉厴厣參参叄叁叢丛";
