// Block 36 of the table in ../t2s.js.
export const T2S = "㘉𠰱㘓𪢌㘔𫬐㘚㘎㛝𫝦";
