public class Function { }
