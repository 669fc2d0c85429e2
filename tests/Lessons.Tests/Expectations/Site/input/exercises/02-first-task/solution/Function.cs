public class Function { /* answer */ }
