// Synthesised into lfsr.blif with Yosys 0.23:
//   yosys -p 'read_verilog lfsr.v; synth -top lfsr; abc -g AND,NAND,OR,NOR,XOR,XNOR,ANDNOT,ORNOT; opt_clean; write_blif lfsr.blif'
// An 8-bit Fibonacci LFSR (taps 8, 6, 5, 4) that starts at 1; 'load' shifts in 'din' instead of the feedback bit.
module lfsr(input clk, input load, input din, output [7:0] q, output out);
    reg [7:0] s = 8'd1;
    wire fb = s[7] ^ s[5] ^ s[4] ^ s[3];
    always @(posedge clk) s <= {s[6:0], load ? din : fb};
    assign q = s;
    assign out = s[7];
endmodule
