// Block 60 of the table in ../t2s.js.
export const T2S = "恆恒恥耻悅悦悞悮悵怅悶闷悽凄惡恶惱恼惲恽惻恻";
