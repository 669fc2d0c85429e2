Console.WriteLine("course");
