using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Contact.Tests.Architecture;

/// <summary>
/// Which other assemblies each top-level type of an assembly uses: read from its metadata and the IL
/// of every method (base types, fields, signatures, locals, calls, field access, tokens, generic
/// arguments, attributes), so a use hidden behind <c>var</c>, an extension method or a lambda counts
/// too, and a <c>using</c> nobody needs does not. Nested and compiler-generated types (closures,
/// iterators) count for the type that declares them.
/// </summary>
public static class AssemblyDependencies
{
    /// <summary>Per top-level type, by full name: the simple names of the assemblies it references.</summary>
    public static IReadOnlyDictionary<string, ImmutableHashSet<string>> Of(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var scanner = new Scanner(md);
        var result = new Dictionary<string, ImmutableHashSet<string>>();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var owner = type;
            while (!owner.GetDeclaringType().IsNil) owner = md.GetTypeDefinition(owner.GetDeclaringType());
            var ns = md.GetString(owner.Namespace);
            var name = (ns.Length > 0 ? ns + "." : "") + md.GetString(owner.Name);

            var used = new HashSet<string>();
            if (!type.BaseType.IsNil) used.UnionWith(scanner.Assemblies(type.BaseType));
            foreach (var i in type.GetInterfaceImplementations()) used.UnionWith(scanner.Assemblies(md.GetInterfaceImplementation(i).Interface));
            used.UnionWith(scanner.Attributes(type.GetCustomAttributes()));
            foreach (var f in type.GetFields())
            {
                var field = md.GetFieldDefinition(f);
                used.UnionWith(field.DecodeSignature(scanner, null));
                used.UnionWith(scanner.Attributes(field.GetCustomAttributes()));
            }
            foreach (var m in type.GetMethods())
            {
                var method = md.GetMethodDefinition(m);
                var signature = method.DecodeSignature(scanner, null);
                used.UnionWith(signature.ReturnType);
                foreach (var p in signature.ParameterTypes) used.UnionWith(p);
                used.UnionWith(scanner.Attributes(method.GetCustomAttributes()));
                if (method.RelativeVirtualAddress != 0) used.UnionWith(scanner.Body(pe.GetMethodBody(method.RelativeVirtualAddress)));
            }
            foreach (var p in type.GetProperties()) used.UnionWith(scanner.Attributes(md.GetPropertyDefinition(p).GetCustomAttributes()));

            used.Remove(Scanner.Self);
            result[name] = result.TryGetValue(name, out var before) ? before.Union(used) : [.. used];
        }
        return result;
    }

    private sealed class Scanner(MetadataReader md) : ISignatureTypeProvider<ImmutableHashSet<string>, object?>
    {
        public const string Self = "";
        private static readonly ImmutableHashSet<string> None = [];

        public ImmutableHashSet<string> Assemblies(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeReference:
                    return GetTypeFromReference(md, (TypeReferenceHandle)handle, 0);
                case HandleKind.TypeSpecification:
                    return md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                case HandleKind.MemberReference:
                {
                    var member = md.GetMemberReference((MemberReferenceHandle)handle);
                    var found = Assemblies(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        var signature = member.DecodeMethodSignature(this, null);
                        found = found.Union(signature.ReturnType);
                        foreach (var p in signature.ParameterTypes) found = found.Union(p);
                    }
                    else found = found.Union(member.DecodeFieldSignature(this, null));
                    return found;
                }
                case HandleKind.MethodSpecification:
                {
                    var spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    var found = Assemblies(spec.Method);
                    foreach (var a in spec.DecodeSignature(this, null)) found = found.Union(a);
                    return found;
                }
                case HandleKind.StandaloneSignature:
                {
                    var sig = md.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                    if (sig.GetKind() == StandaloneSignatureKind.LocalVariables)
                        return sig.DecodeLocalSignature(this, null).Aggregate(None, (a, b) => a.Union(b));
                    var method = sig.DecodeMethodSignature(this, null);
                    return method.ParameterTypes.Aggregate(method.ReturnType, (a, b) => a.Union(b));
                }
                default:
                    return None; // definitions in this assembly, strings
            }
        }

        public IEnumerable<string> Attributes(CustomAttributeHandleCollection attributes) =>
            attributes.SelectMany(a => Assemblies(md.GetCustomAttribute(a).Constructor));

        public IEnumerable<string> Body(MethodBodyBlock body)
        {
            var found = new HashSet<string>();
            if (!body.LocalSignature.IsNil) found.UnionWith(Assemblies(body.LocalSignature));
            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                int value = il.ReadByte();
                var code = value == 0xFE ? TwoByte[il.ReadByte()] : OneByte[value];
                switch (code.OperandType)
                {
                    case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok
                        or OperandType.InlineType or OperandType.InlineSig:
                        found.UnionWith(Assemblies(MetadataTokens.EntityHandle(il.ReadInt32())));
                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32();   // read first: "Offset += Read…" would lose the count's own 4 bytes
                        il.Offset += 4 * targets;
                        break;
                    default:
                        il.Offset += OperandSize(code.OperandType);
                        break;
                }
            }
            return found;
        }

        private static int OperandSize(OperandType type) => type switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            _ => 4,
        };

        private static readonly OpCode[] OneByte = new OpCode[256], TwoByte = new OpCode[256];

        static Scanner()
        {
            foreach (var field in typeof(OpCodes).GetFields())
            {
                if (field.GetValue(null) is not OpCode code) continue;
                var v = (ushort)code.Value;
                if (code.Size == 1) OneByte[v] = code;
                else TwoByte[v & 0xFF] = code;
            }
        }

        public ImmutableHashSet<string> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var scope = reader.GetTypeReference(handle).ResolutionScope;
            return scope.Kind switch
            {
                HandleKind.AssemblyReference => [reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)],
                HandleKind.TypeReference => GetTypeFromReference(reader, (TypeReferenceHandle)scope, rawTypeKind),
                _ => [Self],
            };
        }

        public ImmutableHashSet<string> GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, context);

        public ImmutableHashSet<string> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => None;
        public ImmutableHashSet<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => None;
        public ImmutableHashSet<string> GetGenericInstantiation(ImmutableHashSet<string> genericType, ImmutableArray<ImmutableHashSet<string>> typeArguments) =>
            typeArguments.Aggregate(genericType, (a, b) => a.Union(b));
        public ImmutableHashSet<string> GetSZArrayType(ImmutableHashSet<string> elementType) => elementType;
        public ImmutableHashSet<string> GetArrayType(ImmutableHashSet<string> elementType, ArrayShape shape) => elementType;
        public ImmutableHashSet<string> GetByReferenceType(ImmutableHashSet<string> elementType) => elementType;
        public ImmutableHashSet<string> GetPointerType(ImmutableHashSet<string> elementType) => elementType;
        public ImmutableHashSet<string> GetPinnedType(ImmutableHashSet<string> elementType) => elementType;
        public ImmutableHashSet<string> GetModifiedType(ImmutableHashSet<string> modifier, ImmutableHashSet<string> unmodifiedType, bool isRequired) => unmodifiedType;
        public ImmutableHashSet<string> GetGenericMethodParameter(object? genericContext, int index) => None;
        public ImmutableHashSet<string> GetGenericTypeParameter(object? genericContext, int index) => None;
        public ImmutableHashSet<string> GetFunctionPointerType(MethodSignature<ImmutableHashSet<string>> signature) =>
            signature.ParameterTypes.Aggregate(signature.ReturnType, (a, b) => a.Union(b));
    }
}
